import { test } from "node:test";
import assert from "node:assert/strict";
import { problemToError, ApiError } from "../sdk/src/problem.ts";
import { describeSignInFailure, lockoutMinutes } from "../console/src/signInErrors.ts";
import { translator } from "../console/src/i18n/index.ts";

const t = translator("en-US");
const alertText = (error: ApiError) => {
  const alert = describeSignInFailure(error, "en-US").alert;
  return alert && t(alert.key, alert.params);
};

test("lock-out minutes round up and are never zero", () => {
  assert.deepEqual([1, 59, 60, 61, 899, 900].map(lockoutMinutes), [1, 1, 1, 2, 15, 15]);
});

test("sign-in failures are told in the agent's words", () => {
  assert.equal(alertText(problemToError(401, "", { title: "Invalid email or password.", code: "invalid_credentials" })), "Invalid email or password.");
  assert.equal(alertText(problemToError(403, "", { title: "Account locked", code: "locked_out", retryAfterSeconds: 45 })),
    "Too many failed attempts. Your account is locked for 1 minute.");
  assert.equal(alertText(problemToError(403, "", { title: "Account locked", code: "locked_out", retryAfterSeconds: 601 })),
    "Too many failed attempts. Your account is locked for 11 minutes.");
  assert.equal(alertText(new ApiError(0, { title: "Network error" })), "Showroom could not be reached. Check your connection and try again.");
});

test("validation problems go next to their fields", () => {
  const failure = describeSignInFailure(problemToError(400, "", { title: "x", errors: { Email: ["bad"], Password: ["required"] } }), "en-US");
  assert.equal(failure.alert, undefined);
  assert.equal(failure.email?.key, "signIn.emailInvalid");
  assert.equal(failure.password?.key, "signIn.passwordRequired");
});
