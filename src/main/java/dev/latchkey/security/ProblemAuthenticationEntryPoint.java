package dev.latchkey.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * One RFC 9457 answer for every refused key, missing, malformed, unknown, deactivated, expired or deleted
 * alike, so a caller learns nothing about which keys exist.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		ApiProblems.write(response,
				ApiProblems.of(HttpStatus.UNAUTHORIZED, "A valid API key is required in the x-api-key header."));
	}

}
