/** @type {import('next').NextConfig} */
const nextConfig = {
  // These load native code or wasm/data files by path at run time, so the server bundle must
  // require them from node_modules instead of inlining them.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
  ],
  poweredByHeader: false,
};

export default nextConfig;
