-- Full-text search over arguments' bodies and documents' blocks. Each keeps its tsvector in a
-- stored generated column, so ranking many matches reads vectors instead of parsing every body
-- again; the column is left out of the Drizzle schema (nothing selects or writes it), so the two
-- dialects' rows stay the same. Blocks hold only offsets into their version's text, and a
-- generated column may not read another table, so block_search keeps each block's text, filled
-- by a trigger.
ALTER TABLE "arguments" ADD COLUMN "search_vector" tsvector
	GENERATED ALWAYS AS (to_tsvector('english', "body")) STORED;
--> statement-breakpoint
CREATE INDEX "arguments_search_idx" ON "arguments" USING gin ("search_vector");
--> statement-breakpoint
CREATE TABLE "block_search" (
	"version_id" text NOT NULL,
	"position" integer NOT NULL,
	"body" text NOT NULL,
	"search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "body")) STORED,
	PRIMARY KEY ("version_id", "position")
);
--> statement-breakpoint
CREATE INDEX "block_search_idx" ON "block_search" USING gin ("search_vector");
--> statement-breakpoint
CREATE FUNCTION "block_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		DELETE FROM "block_search" WHERE "version_id" = OLD."version_id" AND "position" = OLD."position";
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		-- substr counts characters from 1.
		INSERT INTO "block_search" ("version_id", "position", "body")
			SELECT NEW."version_id", NEW."position", substr(v."text", NEW."start" + 1, NEW."end" - NEW."start")
			FROM "document_versions" v WHERE v."id" = NEW."version_id";
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "blocks_search" AFTER INSERT OR UPDATE OR DELETE ON "blocks"
	FOR EACH ROW EXECUTE FUNCTION "block_search_sync"();
--> statement-breakpoint
INSERT INTO "block_search" ("version_id", "position", "body")
	SELECT b."version_id", b."position", substr(v."text", b."start" + 1, b."end" - b."start")
	FROM "blocks" b JOIN "document_versions" v ON v."id" = b."version_id";
