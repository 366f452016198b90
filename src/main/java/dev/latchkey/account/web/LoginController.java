package dev.latchkey.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page. Spring Security's form login handles the POST; this only renders the form. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("failed", request.getParameter("error") != null);
		model.addAttribute("busy", request.getParameter("busy") != null);
		model.addAttribute("signedOut", request.getParameter("logout") != null);
		model.addAttribute("passwordReset", request.getParameter("reset") != null);
		model.addAttribute("invitationAccepted", request.getParameter("invited") != null);
		model.addAttribute("expired", request.getParameter("expired") != null);
		model.addAttribute("email", SignInFailureHandler.takeEmail(request, response));
		return "account/login";
	}

}
