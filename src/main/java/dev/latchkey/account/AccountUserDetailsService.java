package dev.latchkey.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs dashboard users in by email, regardless of its case, and stores a stronger hash of their password when
 * the one on record was made with older settings.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

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

	@Override
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		SignedInUser signedIn = (SignedInUser) user;
		this.users.replacePasswordHash(signedIn.id(), newPasswordHash);
		return this.users.find(signedIn.id()).map(SignedInUser::new).orElse(signedIn);
	}

}
