package dev.latchkey.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet-level pieces shared by the API and the dashboard: who the client is (behind trusted proxies
 * only), and a problem body for every error under {@code /api/} at each layer that can raise one: Tomcat
 * itself, the servlet error page, and the body size limit ahead of authentication.
 */
@Configuration(proxyBeanMethods = false)
class RequestFiltersConfig {

	/** First of all, so that everything after it (throttling, audit, the secure-cookie choice) sees the real client. */
	@Bean
	FilterRegistrationBean<TrustedProxyFilter> trustedProxyFilter(TrustedProxies settings) {
		var registration = new FilterRegistrationBean<>(new TrustedProxyFilter(settings));
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiRequestGuard> apiRequestGuard() {
		var registration = new FilterRegistrationBean<>(new ApiRequestGuard());
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiErrorDispatchFilter> apiErrorDispatchFilter() {
		var registration = new FilterRegistrationBean<>(new ApiErrorDispatchFilter());
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** Inside Spring Security's filters, so that their no-store on pages stays theirs. */
	@Bean
	FilterRegistrationBean<AssetCaching> assetCaching() {
		var registration = new FilterRegistrationBean<>(new AssetCaching());
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	/** Swaps Tomcat's HTML error report for {@link ApiErrorReportValve} once the server has started. */
	@Bean
	ApplicationListener<WebServerInitializedEvent> apiErrorReportValve() {
		return (event) -> {
			if (event.getWebServer() instanceof TomcatWebServer tomcat) {
				Host host = tomcat.getTomcat().getHost();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof ApiErrorReportValve)) {
						ApiErrorReportValve replacement = new ApiErrorReportValve();
						if (valve instanceof ErrorReportValve original) {
							replacement.setShowReport(original.isShowReport());
							replacement.setShowServerInfo(original.isShowServerInfo());
						}
						host.getPipeline().removeValve(valve);
						host.getPipeline().addValve(replacement);
					}
				}
			}
		};
	}

}
