import { z } from "zod";

// Staff accounts: one schema for the sign-in form, the CLI and the account creation rules.
export const STAFF_PASSWORD_MIN_LENGTH = 8;
export const STAFF_PASSWORD_MAX_LENGTH = 256;

export const staffEmailSchema = z.email("Enter a valid email address").max(254).transform((email) => email.toLowerCase());

export const signInSchema = z.object({
  email: staffEmailSchema,
  password: z.string().min(1, "Enter your password").max(STAFF_PASSWORD_MAX_LENGTH),
});
export type SignInInput = z.input<typeof signInSchema>;

export const newStaffUserSchema = z.object({
  email: staffEmailSchema,
  password: z
    .string()
    .min(STAFF_PASSWORD_MIN_LENGTH, `Password must be at least ${STAFF_PASSWORD_MIN_LENGTH} characters`)
    .max(STAFF_PASSWORD_MAX_LENGTH, `Password must be at most ${STAFF_PASSWORD_MAX_LENGTH} characters`),
  name: z.string().trim().min(1).max(200),
});
export type NewStaffUser = z.output<typeof newStaffUserSchema>;
