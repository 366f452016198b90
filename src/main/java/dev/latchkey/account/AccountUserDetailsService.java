package dev.latchkey.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs dashboard users in by email, regardless of its case. */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final Users users;

	AccountUserDetailsService(Users users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return this.users.findByEmail(email)
			.map(SignedInUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

}
