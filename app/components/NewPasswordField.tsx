/** The field a new password is chosen in (sign-up, a reset link), with the rule it must meet. */
export function NewPasswordField({ label }: { label: string }) {
  return (
    <div className="field">
      <label htmlFor="password">{label}</label>
      <span className="hint" id="password-hint">
        At least 10 characters.
      </span>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        aria-describedby="password-hint"
      />
    </div>
  );
}
