import { InvalidArgumentError } from "commander";

// Commander option parsers: a bad value stops the command with commander's own error message.

const NAME_MAX_LENGTH = 200;
const MAX_CONTACTS = 1_000_000;

export function parseName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > NAME_MAX_LENGTH) {
    throw new InvalidArgumentError(`Must be 1–${NAME_MAX_LENGTH} characters.`);
  }
  return name;
}

export function parseContactCount(raw: string): number {
  const count = /^\d{1,7}$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!(count <= MAX_CONTACTS)) {
    throw new InvalidArgumentError(`Must be a whole number from 0 to ${MAX_CONTACTS.toLocaleString("en-US")}.`);
  }
  return count;
}
