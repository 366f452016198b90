package dev.latchkey.web;

import java.util.ArrayList;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxHandlerInterceptor;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The dispatcher servlet, except that a request to the JSON API is handled without htmx's interceptor.
 * htmx-spring-boot registers that interceptor for every path. On every request it looks for eight {@code @Hx…}
 * annotations on the handler method, which no API method has, and it answers a request that has an
 * {@code HX-Request} header with {@code Vary: HX-Request}, which no API answer depends on. That costs about 4 % of an
 * API request's CPU (a profile of {@code bench/}). The dashboard keeps the interceptor: it applies the
 * {@code HtmxResponse} headers of its actions. The class that registers it is not open to a path pattern, so the
 * interceptor is dropped here, where a request's handler chain is assembled.
 */
final class ApiDispatcherServlet extends DispatcherServlet {

	@Override
	protected HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
		HandlerExecutionChain chain = super.getHandler(request);
		if (chain == null || !isApi(request)) {
			return chain;
		}
		List<HandlerInterceptor> interceptors = chain.getInterceptorList();
		List<HandlerInterceptor> kept = new ArrayList<>(interceptors.size());
		for (HandlerInterceptor interceptor : interceptors) {
			if (!(interceptor instanceof HtmxHandlerInterceptor)) {
				kept.add(interceptor);
			}
		}
		return (kept.size() == interceptors.size()) ? chain : new HandlerExecutionChain(chain.getHandler(), kept);
	}

	/** The paths of the API's own security filter chain ({@code /api/**}). */
	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/api/", request.getContextPath().length());
	}

}
