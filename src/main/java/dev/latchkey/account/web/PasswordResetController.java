package dev.latchkey.account.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import dev.latchkey.account.InvalidResetLinkException;
import dev.latchkey.account.PasswordPolicy;
import dev.latchkey.account.PasswordRejectedException;
import dev.latchkey.account.PasswordResetService;
import dev.latchkey.link.LinkTicket;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot password?" and the page an emailed link opens. The link's token is checked once, then moved out of the
 * URL into the session (as its hash), so it lingers in no browser history, Referer header or log.
 */
@Controller
class PasswordResetController {

	static final String TICKET = PasswordResetController.class.getName() + ".TICKET";

	private static final String FORGOT = "account/forgot-password";

	private static final String RESET = "account/reset-password";

	private static final String INVALID = "account/reset-link-invalid";

	private final PasswordResetService service;

	PasswordResetController(PasswordResetService service) {
		this.service = service;
	}

	@GetMapping("/forgot-password")
	String forgotPassword(@RequestParam Optional<String> sent, Model model) {
		model.addAttribute("form", new ForgotPasswordForm(""));
		model.addAttribute("sent", sent.isPresent());
		return FORGOT;
	}

	/** One answer, whether or not an account has the address and whether or not an email is sent. */
	@PostMapping("/forgot-password")
	String requestLink(@Valid @ModelAttribute("form") ForgotPasswordForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (result.hasErrors()) {
			response.setStatus(422);
			model.addAttribute("sent", false);
			return FORGOT;
		}
		this.service.requestReset(form.email(), request.getRemoteAddr());
		return "redirect:/forgot-password?sent";
	}

	@GetMapping(path = "/reset-password", params = "token")
	String openLink(@RequestParam String token, HttpServletRequest request, HttpServletResponse response) {
		noReferrer(response);
		Optional<LinkTicket> ticket = this.service.check(token);
		HttpSession session = request.getSession();
		if (ticket.isEmpty()) {
			session.removeAttribute(TICKET);
			return invalidLink(response);
		}
		// A new session id, so that a session id planted in this browser beforehand cannot use the link.
		request.changeSessionId();
		session.setAttribute(TICKET, ticket.get());
		return "redirect:/reset-password";
	}

	@GetMapping("/reset-password")
	String resetForm(HttpSession session, HttpServletResponse response, Model model) {
		noReferrer(response);
		if (!this.service.isUsable(ticket(session))) {
			return invalidLink(response);
		}
		model.addAttribute("form", new ResetPasswordForm("", ""));
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
		return RESET;
	}

	@PostMapping("/reset-password")
	String reset(@ModelAttribute("form") ResetPasswordForm form, BindingResult result, HttpServletRequest request,
			HttpSession session, HttpServletResponse response, Model model) {
		noReferrer(response);
		LinkTicket ticket = ticket(session);
		if (ticket == null) {
			return invalidLink(response);
		}
		try {
			this.service.reset(ticket, form.password(), form.confirmation(), request.getRemoteAddr());
		}
		catch (PasswordRejectedException ex) {
			ex.problems().forEach((field, messages) -> messages.forEach((message) -> result
				.addError(new FieldError("form", field, null, false, new String[] { "password-policy" }, null, message))));
			response.setStatus(422);
			model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
			model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
			return RESET;
		}
		catch (InvalidResetLinkException ex) {
			session.removeAttribute(TICKET);
			return invalidLink(response);
		}
		session.removeAttribute(TICKET);
		return "redirect:/login?reset";
	}

	private static LinkTicket ticket(HttpSession session) {
		return (session.getAttribute(TICKET) instanceof LinkTicket ticket) ? ticket : null;
	}

	/** Unknown, used, expired or superseded: one page, which says nothing about any account. */
	private static String invalidLink(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_GONE);
		return INVALID;
	}

	/** The page's URL may hold the token: no link or resource it loads is told that URL. */
	private static void noReferrer(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
	}

}
