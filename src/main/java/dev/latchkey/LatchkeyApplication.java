package dev.latchkey;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LatchkeyApplication {

	/** Time comes from here, so expiry and throttling can be tested without sleeping. */
	@Bean
	Clock systemClock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(LatchkeyApplication.class, args);
	}

}
