/** Headers every response carries; pages add a nonce-based CSP in proxy.ts. */
const SECURITY_HEADERS = [
  // TV and view-only link addresses carry their token in the path: never send it to another site.
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // These load native code or wasm/data files by path at run time, so the server bundle must
  // require them from node_modules instead of inlining them.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "@resvg/resvg-js",
  ],
  poweredByHeader: false,
  // forbidden() and unauthorized(): real 403 and 401 responses from pages and server actions.
  experimental: { authInterrupts: true },
  // Browsers ask for /favicon.ico on pages that link no icon (a 403 rendered by forbidden()): the
  // app icon answers there too, rather than a 404.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // The dashboard editor frames its own wall preview; nothing else may be framed.
      { source: "/((?!tv-preview/).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      { source: "/tv-preview/:path*", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
