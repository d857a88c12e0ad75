import type { Metadata } from "next";
import { ContactDetail } from "@/components/contacts/contact-detail";

export const metadata: Metadata = { title: "Contact" };

// GET /contacts/{contactId} — edit a contact's details and metadata, read their conversations.
export default async function ContactRoute({ params }: { params: Promise<{ contactId: string }> }) {
  const { contactId } = await params;
  return <ContactDetail contactId={contactId} />;
}
