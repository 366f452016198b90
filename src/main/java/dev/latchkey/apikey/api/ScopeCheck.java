package dev.latchkey.apikey.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.apikey.AuthenticatedKey;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an API call whose key lacks the operation's {@link RequiresScope scope}, with a 403 problem naming it,
 * before anything of the request is read. A missing or invalid key never gets here: that is the security chain's
 * 401.
 */
@Configuration(proxyBeanMethods = false)
class ScopeCheck implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
			if (required != null) {
				caller().requireScope(required.value());
			}
		}
		return true;
	}

	private static AuthenticatedKey caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedKey key) {
			return key;
		}
		throw new IllegalStateException("An operation that needs a scope must be behind x-api-key authentication");
	}

}
