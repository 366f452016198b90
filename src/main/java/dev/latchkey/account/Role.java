package dev.latchkey.account;

public enum Role {

	ADMIN

}
