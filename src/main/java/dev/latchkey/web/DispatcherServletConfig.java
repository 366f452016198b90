package dev.latchkey.web;

import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The application's dispatcher servlet ({@link ApiDispatcherServlet}), with the settings Spring Boot gives its own
 * ({@code spring.mvc.*}), which it then leaves out.
 */
@Configuration(proxyBeanMethods = false)
class DispatcherServletConfig {

	@Bean(DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
	DispatcherServlet dispatcherServlet(WebMvcProperties properties) {
		DispatcherServlet servlet = new ApiDispatcherServlet();
		servlet.setDispatchOptionsRequest(properties.isDispatchOptionsRequest());
		servlet.setDispatchTraceRequest(properties.isDispatchTraceRequest());
		servlet.setPublishEvents(properties.isPublishRequestHandledEvents());
		servlet.setEnableLoggingRequestDetails(properties.isLogRequestDetails());
		return servlet;
	}

}
