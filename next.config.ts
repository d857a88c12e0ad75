import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Trailing-slash redirects would turn `/v1/contacts/` into a 308 instead of an API answer.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
