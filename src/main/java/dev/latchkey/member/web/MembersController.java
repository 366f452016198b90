package dev.latchkey.member.web;

import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.Role;
import dev.latchkey.account.SignedInUser;
import dev.latchkey.member.LastAdminException;
import dev.latchkey.member.Member;
import dev.latchkey.member.MemberNotFoundException;
import dev.latchkey.member.MemberService;
import dev.latchkey.shared.Actor;
import dev.latchkey.shared.UserId;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Members. Every member sees the list; the actions are shown to admins only, and {@link MemberService}
 * refuses them (403) to anybody else. Actions are plain form posts answered with a redirect; the confirmations
 * are dialogs loaded with htmx.
 */
@Controller
@RequestMapping("/settings/members")
class MembersController {

	static final String PATH = "/settings/members";

	private final MemberService members;

	MembersController(MemberService members) {
		this.members = members;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "members";
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
		return listPage(user, request, model);
	}

	@GetMapping("/invite")
	String inviteForm(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
		requireManager(user, request);
		return inviteView(InviteForm.empty(), Map.of(), model, "members/invite :: dialog");
	}

	@PostMapping
	String invite(@AuthenticationPrincipal SignedInUser user, InviteForm form, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			Member invited = this.members.invite(actor(user, request), form.toNewMember());
			redirect.addFlashAttribute("notice", "Invited " + invited.email() + ": the invitation link works for 72 hours.");
			return "redirect:" + PATH;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return inviteView(form, Map.of(ex.field(), ex.getMessage()), model, "members/invite");
		}
	}

	@PostMapping("/{id}/role")
	String changeRole(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String role, HttpServletRequest request, RedirectAttributes redirect) {
		Member member = this.members.changeRole(actor(user, request), new UserId(id), role);
		redirect.addFlashAttribute("notice", member.label() + " is now " + member.role().label() + ".");
		return "redirect:" + PATH;
	}

	/** The Disable and Remove confirmations: they say how many active keys the member created. */
	@GetMapping("/{id}/{action:disable|remove}")
	String confirm(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String action,
			HttpServletRequest request, Model model) {
		requireManager(user, request);
		Member member = this.members.find(user.tenantId(), new UserId(id));
		model.addAttribute("member", MemberView.of(member, user.id().value()));
		model.addAttribute("action", action);
		model.addAttribute("activeKeys", this.members.activeKeysCreatedBy(user.tenantId(), member.id()));
		return "members/confirm :: dialog";
	}

	@PostMapping("/{id}/disable")
	String disable(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean deactivateKeys, HttpServletRequest request,
			RedirectAttributes redirect) {
		Member member = this.members.find(user.tenantId(), new UserId(id));
		int deactivated = this.members.disable(actor(user, request), member.id(), deactivateKeys);
		redirect.addFlashAttribute("notice", "Disabled " + member.label() + keys(deactivated));
		return "redirect:" + PATH;
	}

	@PostMapping("/{id}/enable")
	String enable(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, HttpServletRequest request,
			RedirectAttributes redirect) {
		Member member = this.members.find(user.tenantId(), new UserId(id));
		this.members.enable(actor(user, request), member.id());
		redirect.addFlashAttribute("notice", "Enabled " + member.label() + ".");
		return "redirect:" + PATH;
	}

	@PostMapping("/{id}/remove")
	String remove(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean deactivateKeys, HttpServletRequest request,
			RedirectAttributes redirect) {
		Member member = this.members.find(user.tenantId(), new UserId(id));
		int deactivated = this.members.remove(actor(user, request), member.id(), deactivateKeys);
		redirect.addFlashAttribute("notice", "Removed " + member.label() + keys(deactivated));
		return "redirect:" + PATH;
	}

	@PostMapping("/{id}/reinvite")
	String reinvite(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, HttpServletRequest request,
			RedirectAttributes redirect) {
		Member member = this.members.find(user.tenantId(), new UserId(id));
		this.members.reinvite(actor(user, request), member.id());
		redirect.addFlashAttribute("notice", "Sent a new invitation to " + member.email() + "; the older link no longer works.");
		return "redirect:" + PATH;
	}

	@PostMapping("/{id}/revoke-invitation")
	String revokeInvitation(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			HttpServletRequest request, RedirectAttributes redirect) {
		Member member = this.members.find(user.tenantId(), new UserId(id));
		this.members.revokeInvitation(actor(user, request), member.id());
		redirect.addFlashAttribute("notice", "Revoked the invitation of " + member.email() + ".");
		return "redirect:" + PATH;
	}

	/** Demoting, disabling or removing the last active Admin: the list again, with the reason. */
	@ExceptionHandler(LastAdminException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String refused(LastAdminException ex, @AuthenticationPrincipal SignedInUser user, HttpServletRequest request,
			Model model) {
		return withError(ex, user, request, model);
	}

	/** An unknown role, or an action that does not apply to the member (re-inviting an active one). */
	@ExceptionHandler(InvalidInputException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalid(InvalidInputException ex, @AuthenticationPrincipal SignedInUser user, HttpServletRequest request,
			Model model) {
		return withError(ex, user, request, model);
	}

	private String withError(RuntimeException ex, SignedInUser user, HttpServletRequest request, Model model) {
		model.addAttribute("activeNav", "members");
		model.addAttribute("error", ex.getMessage());
		return listPage(user, request, model);
	}

	@ExceptionHandler(MemberNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private String listPage(SignedInUser user, HttpServletRequest request, Model model) {
		model.addAttribute("members",
				this.members.list(user.tenantId()).stream().map((m) -> MemberView.of(m, user.id().value())).toList());
		model.addAttribute("canManage", this.members.canManage(actor(user, request)));
		model.addAttribute("roles", Arrays.asList(Role.values()));
		return "members/list";
	}

	private String inviteView(InviteForm form, Map<String, String> errors, Model model, String view) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", Arrays.asList(Role.values()));
		return view;
	}

	private void requireManager(SignedInUser user, HttpServletRequest request) {
		if (!this.members.canManage(actor(user, request))) {
			throw new AccessDeniedException("Only an admin of this tenant may change its members");
		}
	}

	private static String keys(int deactivated) {
		return (deactivated == 0) ? "." : " and deactivated " + deactivated + ((deactivated == 1) ? " key." : " keys.");
	}

	private static Actor actor(SignedInUser user, HttpServletRequest request) {
		return Actor.user(user.tenantId(), user.id(), request.getRemoteAddr());
	}

}
