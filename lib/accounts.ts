/** The name shown wherever a member who deleted their account is named. */
export const DELETED_MEMBER = "Deleted member";

/** What the member types to confirm deleting their account (besides their password, if any). */
export const DELETE_CONFIRMATION = "delete";
