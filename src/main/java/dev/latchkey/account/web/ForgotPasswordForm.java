package dev.latchkey.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ForgotPasswordForm(@NotBlank(message = "Enter the email address you sign in with.") @Size(max = 320,
		message = "An email address has at most 320 characters.") String email) {
}
