// nuxt-security's build-time map of public asset paths to their SRI hashes (its subresourceIntegrity plugin reads it).
declare module '#sri-hashes' {
  const hashes: Record<string, string>
  export default hashes
}
