// Completes package-lock.json with the platform-specific optional packages (native binaries for
// other operating systems and CPUs) that this environment's npm registry does not serve.
//
// `npm install` here gets a 404 for, say, @next/swc-darwin-arm64, silently leaves it out of the
// lock file, and `npm ci` then refuses the lock file as out of sync. This adds each such package as
// an optional entry with the os/cpu its name declares, which is what npm writes on a machine that
// can reach it; npm skips them on this platform. Run after `npm install` changes the lock file.
import fs from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const packages = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "netbsd", "sunos", "aix", "openharmony", "wasm32", "cygwin"];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "mips64el", "wasm32"];

function platformOf(name) {
  const words = name.split("/").pop().split("-");
  const os = words.find((w) => OS.includes(w));
  const cpu = words.find((w) => CPU.includes(w)) ?? (words.includes("gnueabihf") || words.includes("musleabihf") || words.includes("eabi") ? "arm" : undefined);
  if (os === "wasm32" || words.includes("wasi")) return { cpu: ["wasm32"] };
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location ? `${location}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[base] || packages[`node_modules/${name}`]) continue;
    const version = String(spec).replace(/^[\^~=]/, "");
    if (!/^\d+\.\d+\.\d+/.test(version)) continue;
    packages[`node_modules/${name}`] = { version, optional: true, ...platformOf(name) };
    added++;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(`complete-lockfile: added ${added} platform-specific optional packages`);
