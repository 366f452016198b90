package dev.latchkey.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Prepares the database before anything connects: owner-only H2 files, H2 without its cache of parsed statements
 * (see {@link DatabaseFiles#withoutH2QueryCache}), and a line saying which database it is.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

	@Bean
	static BeanPostProcessor databaseFilesPreparer() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari) {
					String url = DatabaseFiles.withoutH2QueryCache(hikari.getJdbcUrl());
					hikari.setJdbcUrl(url);
					Optional<Path> directory = DatabaseFiles.h2Directory(url);
					if (directory.isPresent()) {
						DatabaseFiles.protect(directory.get());
						log.info("Database: embedded H2 in {} (owner-only: directory 0700, files 0600), {}",
								directory.get(), DatabaseFiles.describe(url));
					}
					else {
						log.info("Database: {}", DatabaseFiles.describe(url));
					}
				}
				return bean;
			}

		};
	}

	/**
	 * Outside everything that may read the database, Spring Session's filter included (it runs at
	 * {@code HIGHEST_PRECEDENCE + 50}), and inside the trusted-proxy filter, so the log names the real client.
	 */
	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
		var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> databaseFilesRestricted(DataSource dataSource) {
		return (event) -> {
			if (dataSource instanceof HikariDataSource hikari) {
				Optional<Path> directory = DatabaseFiles.h2Directory(hikari.getJdbcUrl());
				if (directory.isPresent()) {
					try {
						DatabaseFiles.restrictFiles(directory.get());
					}
					catch (IOException ex) {
						log.warn("Could not restrict the files in {} to their owner", directory.get(), ex);
					}
				}
			}
		};
	}

}
