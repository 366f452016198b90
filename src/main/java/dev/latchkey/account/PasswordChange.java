package dev.latchkey.account;

/**
 * Why a password is being set: it decides the audit action, whether a notice is emailed and which sessions end.
 */
public enum PasswordChange {

	/** Through an emailed "Forgot password?" link: every session ends, the sign-in throttle is cleared. */
	RESET("password_reset", true),

	/** From Settings → Account, knowing the current password: every session but the current one ends. */
	CHANGE("password_changed", true),

	/** Accepting an invitation: the member's first password, so no "your password was changed" notice. */
	INVITATION("invitation_accepted", false);

	private final String auditAction;

	private final boolean notice;

	PasswordChange(String auditAction, boolean notice) {
		this.auditAction = auditAction;
		this.notice = notice;
	}

	public String auditAction() {
		return this.auditAction;
	}

	boolean sendsNotice() {
		return this.notice;
	}

}
