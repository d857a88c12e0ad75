import type { Metadata } from "next";
import { Suspense } from "react";
import { ContactsPage } from "@/components/contacts/contacts-page";

export const metadata: Metadata = { title: "Contacts" };

// GET /contacts — search, filter, sort and page through the workspace's contacts (state in the URL).
export default function ContactsRoute() {
  return (
    <Suspense>
      <ContactsPage />
    </Suspense>
  );
}
