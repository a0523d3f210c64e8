/*
 * The names of identity verification, apart from the HMAC itself (domain/identity) so that the
 * admin and the widget can share them without bundling Node's crypto.
 */

/** `off`: taken as given; `optional`: a valid userHash verifies; `required`: no identity without one. */
export const IDENTITY_VERIFICATION_MODES = ['off', 'optional', 'required'] as const;
export type IdentityVerificationMode = (typeof IDENTITY_VERIFICATION_MODES)[number];

/** A userHash as the page sends it: 64 hex digits (HMAC-SHA256, 32 bytes). */
export const USER_HASH_PATTERN = /^[0-9a-fA-F]{64}$/;
