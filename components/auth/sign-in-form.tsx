"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth/client";
import { signInSchema, type SignInInput } from "@/lib/staff/schemas";
import { FormAlert } from "@/components/ui/form-alert";

// One message for a wrong email and a wrong password alike, so sign-in reveals no accounts.
const WRONG_CREDENTIALS = "That email and password do not match an account.";
const TOO_MANY_ATTEMPTS = "Too many sign-in attempts. Wait a minute, then try again.";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const { error } = await authClient.signIn.email({ email: values.email, password: values.password });
    if (error) {
      setFailure(error.status === 429 ? TOO_MANY_ATTEMPTS : WRONG_CREDENTIALS);
      return;
    }
    // A full navigation, so every server component renders with the new session.
    window.location.assign(returnTo);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={failure} />
      <FormField id="email" label="Email" error={errors.email?.message}>
        {(control) => <Input type="email" autoComplete="username" autoFocus {...control} {...form.register("email")} />}
      </FormField>
      <FormField id="password" label="Password" error={errors.password?.message}>
        {(control) => <Input type="password" autoComplete="current-password" {...control} {...form.register("password")} />}
      </FormField>
      <Button type="submit" variant="primary" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
