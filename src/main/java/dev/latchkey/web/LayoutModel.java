package dev.latchkey.web;

import dev.latchkey.account.SignedInUser;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the signed-in layout's header shows on every page: the user and their tenant's current name. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

	private final Tenants tenants;

	LayoutModel(Tenants tenants) {
		this.tenants = tenants;
	}

	@ModelAttribute("currentUser")
	SignedInUser currentUser(@AuthenticationPrincipal SignedInUser user) {
		return user;
	}

	@ModelAttribute("tenantName")
	String tenantName(@AuthenticationPrincipal SignedInUser user) {
		return (user != null) ? this.tenants.find(user.tenantId()).map(Tenant::name).orElse("") : null;
	}

}
