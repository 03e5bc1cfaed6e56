package org.vigil.organisation;

/** Where a user account stands. Accounts are never deleted: a person who leaves is deactivated. */
public enum UserStatus {
    /** Invited; has not chosen a password yet, so cannot sign in. */
    INVITED,
    ACTIVE,
    /** Can no longer sign in or use API tokens; the account and its history remain. */
    DEACTIVATED
}
