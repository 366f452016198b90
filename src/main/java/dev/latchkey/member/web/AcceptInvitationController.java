package dev.latchkey.member.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.latchkey.account.PasswordPolicy;
import dev.latchkey.account.PasswordRejectedException;
import dev.latchkey.member.InvalidInvitationException;
import dev.latchkey.member.InvitationService;
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
 * The page an invitation email opens: the invitee chooses a password, then signs in. As with a reset link, the
 * token is checked once and moved out of the URL into the session (as its hash).
 */
@Controller
class AcceptInvitationController {

	static final String TICKET = AcceptInvitationController.class.getName() + ".TICKET";

	private static final String FORM = "members/accept-invitation";

	private static final String INVALID = "members/invitation-invalid";

	private final InvitationService invitations;

	AcceptInvitationController(InvitationService invitations) {
		this.invitations = invitations;
	}

	@GetMapping(path = "/accept-invitation", params = "token")
	String openLink(@RequestParam String token, HttpServletRequest request, HttpServletResponse response) {
		noReferrer(response);
		Optional<LinkTicket> ticket = this.invitations.check(token);
		HttpSession session = request.getSession();
		if (ticket.isEmpty()) {
			session.removeAttribute(TICKET);
			return invalidLink(response);
		}
		request.changeSessionId();
		session.setAttribute(TICKET, ticket.get());
		return "redirect:/accept-invitation";
	}

	@GetMapping("/accept-invitation")
	String form(HttpSession session, HttpServletResponse response, Model model) {
		noReferrer(response);
		LinkTicket ticket = ticket(session);
		if (!this.invitations.isUsable(ticket)) {
			return invalidLink(response);
		}
		return formView(ticket, new AcceptInvitationForm("", ""), model);
	}

	@PostMapping("/accept-invitation")
	String accept(@ModelAttribute("form") AcceptInvitationForm form, BindingResult result, HttpServletRequest request,
			HttpSession session, HttpServletResponse response, Model model) {
		noReferrer(response);
		LinkTicket ticket = ticket(session);
		if (ticket == null) {
			return invalidLink(response);
		}
		try {
			this.invitations.accept(ticket, form.password(), form.confirmation(), request.getRemoteAddr());
		}
		catch (PasswordRejectedException ex) {
			ex.problems().forEach((field, messages) -> messages.forEach((message) -> result
				.addError(new FieldError("form", field, null, false, new String[] { "password-policy" }, null, message))));
			response.setStatus(422);
			return formView(ticket, form, model);
		}
		catch (InvalidInvitationException ex) {
			session.removeAttribute(TICKET);
			return invalidLink(response);
		}
		session.removeAttribute(TICKET);
		return "redirect:/login?invited";
	}

	private String formView(LinkTicket ticket, AcceptInvitationForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("email", this.invitations.email(ticket).orElse(""));
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
		return FORM;
	}

	private static LinkTicket ticket(HttpSession session) {
		return (session.getAttribute(TICKET) instanceof LinkTicket ticket) ? ticket : null;
	}

	/** Unknown, used, expired, revoked or superseded: one page, which says nothing about any account. */
	private static String invalidLink(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_GONE);
		return INVALID;
	}

	private static void noReferrer(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	/** The new password, twice; checked by the service. */
	record AcceptInvitationForm(String password, String confirmation) {
	}

}
