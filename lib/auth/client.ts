"use client";
import { createAuthClient } from "better-auth/react";

/** The browser side of staff sign-in: same origin, cookies only. */
export const authClient = createAuthClient();
