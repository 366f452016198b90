package dev.latchkey.operator.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.SignedInUser;
import dev.latchkey.operator.NewTenant;
import dev.latchkey.operator.OperatorService;
import dev.latchkey.operator.TenantNotFoundException;
import dev.latchkey.operator.TenantPage;
import dev.latchkey.operator.TenantSummary;
import dev.latchkey.shared.TenantId;
import dev.latchkey.tenant.Tenant;

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
 * Operator → Tenants. The security chain lets only operators in ({@code /operator/**}); {@link OperatorService}
 * checks again. The confirmations are dialogs loaded with htmx; the actions are plain form posts.
 */
@Controller
@RequestMapping("/operator/tenants")
class OperatorTenantsController {

	static final String PATH = "/operator/tenants";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final OperatorService operators;

	OperatorTenantsController(OperatorService operators) {
		this.operators = operators;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "tenants";
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
		TenantPage tenants = this.operators.list(user.id(), q, page);
		model.addAttribute("q", q.strip());
		model.addAttribute("page", tenants);
		model.addAttribute("rows", tenants.tenants().stream().map(OperatorTenantsController::view).toList());
		return (htmx.isHtmxRequest() && !htmx.isBoosted() && !htmx.isHistoryRestoreRequest())
				? "operator/tenants :: results" : "operator/tenants";
	}

	@GetMapping("/new")
	String newTenant(@AuthenticationPrincipal SignedInUser user, Model model) {
		if (!this.operators.isOperator(user.id())) {
			throw new AccessDeniedException("Only operators may manage tenants");
		}
		return form(new NewTenantForm("", "", ""), Map.of(), model, "operator/create-tenant :: dialog");
	}

	@PostMapping
	String create(@AuthenticationPrincipal SignedInUser user, NewTenantForm form, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			Tenant tenant = this.operators.create(user.id(),
					new NewTenant(form.name(), form.adminEmail(), form.adminName()), request.getRemoteAddr());
			redirect.addFlashAttribute("notice",
					"Created the tenant “" + tenant.name() + "” and invited " + form.adminEmail().strip() + " as its admin.");
			return "redirect:" + PATH;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(form, Map.of(ex.field(), ex.getMessage()), model, "operator/create-tenant");
		}
	}

	/** The confirmation of each action, saying what will happen. */
	@GetMapping("/{id}/{action:grant-production|revoke-production|suspend|resume}")
	String confirm(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String action,
			Model model) {
		model.addAttribute("tenant", view(this.operators.find(user.id(), new TenantId(id))));
		model.addAttribute("action", action);
		return "operator/confirm :: dialog";
	}

	@PostMapping("/{id}/{action:grant-production|revoke-production|suspend|resume}")
	String act(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String action,
			HttpServletRequest request, RedirectAttributes redirect) {
		TenantId tenant = new TenantId(id);
		String name = this.operators.find(user.id(), tenant).name();
		String ip = request.getRemoteAddr();
		String notice = switch (action) {
			case "grant-production" -> {
				this.operators.grantProduction(user.id(), tenant, ip);
				yield "Granted production to “" + name + "”.";
			}
			case "revoke-production" -> {
				this.operators.revokeProduction(user.id(), tenant, ip);
				yield "Revoked production from “" + name + "”: its production keys are refused.";
			}
			case "suspend" -> {
				this.operators.suspend(user.id(), tenant, ip);
				yield "Suspended “" + name + "”: its keys are refused and its members signed out.";
			}
			default -> {
				this.operators.resume(user.id(), tenant, ip);
				yield "Resumed “" + name + "”.";
			}
		};
		redirect.addFlashAttribute("notice", notice);
		return "redirect:" + PATH;
	}

	@ExceptionHandler(TenantNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/** Suspending one's own tenant, or a page number below 0. */
	@ExceptionHandler(InvalidInputException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest() {
		return "error/400";
	}

	private static String form(NewTenantForm form, Map<String, String> errors, Model model, String view) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return view;
	}

	static TenantView view(TenantSummary tenant) {
		return new TenantView(tenant.id().value(), tenant.name(), tenant.productionGranted(),
				tenant.productionGranted() ? "Granted" : "Not granted", tenant.suspended(),
				tenant.suspended() ? "Suspended" : "Active", tenant.members(), tenant.activeKeys(),
				DATE.format(tenant.created()));
	}

	record NewTenantForm(String name, String adminEmail, String adminName) {
	}

	record TenantView(long id, String name, boolean productionGranted, String production, boolean suspended,
			String status, long members, long activeKeys, String created) {
	}

}
