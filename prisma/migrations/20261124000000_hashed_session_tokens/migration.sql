-- Session tokens are stored as SHA-256 (lib/auth/hashed-session-tokens.ts), so a row of this table
-- is no longer a usable session. Existing sessions are hashed in place and keep working.
ALTER TABLE "sessions" RENAME COLUMN "token" TO "token_hash";

ALTER INDEX "sessions_token_key" RENAME TO "sessions_token_hash_key";

UPDATE "sessions" SET "token_hash" = encode(sha256(convert_to("token_hash", 'UTF8')), 'hex');
