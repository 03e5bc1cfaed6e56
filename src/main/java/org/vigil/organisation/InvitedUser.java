package org.vigil.organisation;

/** A newly invited user and the link that lets them choose a password. */
public record InvitedUser(UserView user, OneTimeLink link) {
}
