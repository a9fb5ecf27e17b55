// The one account a local emulator has. Real OSS shows the account's 16-digit UID as both Owner ID and
// DisplayName (DOCS GetBucketAcl/ListObjects samples); any fixed UID of that shape serves SDK parsers.
export const OWNER = { ID: '1000000000000000', DisplayName: '1000000000000000' } as const;
