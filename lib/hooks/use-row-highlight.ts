"use client";

// j / k on the contacts list: focus moves between the contacts' own links (the name link of each
// table row, each card of the phone list), so the highlight is the focus ring, screen readers read
// the contact's name, and Enter opens it natively (roving focus without extra ARIA).

const CONTACT_LINKS = "[data-contact-list] a[href^='/contacts/']";

export function moveContactHighlight(step: 1 | -1): void {
  const links = Array.from(document.querySelectorAll<HTMLAnchorElement>(CONTACT_LINKS)).filter((link) => link.offsetParent !== null);
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = at === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
  links[next]!.focus();
  links[next]!.scrollIntoView({ block: "nearest" });
}
