import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/pageActor";
import { getSpace } from "@/server/domain/spaces/queries";
import { runtime } from "@/server/runtime";
import { DocumentUpload } from "../../../../components/DocumentUpload";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Add a document" };

/** A moderator adds a document to the space: a file or pasted text, previewed before saving. */
export default async function NewDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const space = await getSpace(runtime().store, await pageActor(), (await params).id);
  if (!space.ok || !space.value.can.importDocument) notFound();
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/spaces/${space.value.id}`}>{space.value.name}</Link>
      </p>
      <h1>Add a document</h1>
      <p className="lead">
        Upload the reading as a file (.txt, .md or .pdf) or paste its text. You see how it is cut
        into headings and paragraphs before it is saved; the file is kept as it was sent.
      </p>
      <DocumentUpload target={{ kind: "document", spaceId: space.value.id }} />
    </>
  );
}
