package dev.latchkey.member.web;

import dev.latchkey.member.NewMember;

/** The Invite member form; the rules are checked by the service. */
record InviteForm(String email, String name, String role) {

	static InviteForm empty() {
		return new InviteForm("", "", "DEVELOPER");
	}

	NewMember toNewMember() {
		return new NewMember(this.email, this.name, this.role);
	}

}
