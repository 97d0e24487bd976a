import { expect } from "vitest";
import type { RateLimits } from "../../server/rateLimits/limiter";
import { limitTable } from "../../server/rateLimits/table";

const posts = limitTable.posts;
const student = (name: string) =>
  ({ kind: "user", id: crypto.randomUUID(), name, guestOf: null }) as const;

/**
 * P-RATE-1 on any limit store: a school's classes use up its address's posts, each student
 * their own; a late student is refused for the address, and those refusals cost them nothing of
 * their own, which they find whole at home. Past their own limit there, their refused tries cost
 * the home's address nothing: a housemate still has the rest of it.
 */
export async function addressRefusalCostsTheAccountNothing(
  limits: RateLimits,
  school: string,
  home: string,
) {
  for (let i = 0; i < posts.perAddress / posts.perAccount; i++) {
    const classmate = student(`Classmate ${i}`);
    for (let n = 0; n < posts.perAccount; n++) {
      expect(await limits.consume("posts", classmate, school)).toBeNull();
    }
  }
  const late = student("Late");
  for (let n = 0; n < 3; n++) {
    expect((await limits.consume("posts", late, school))?.error.message).toMatch(
      /posts and edits from your network/,
    );
  }
  for (let n = 0; n < posts.perAccount; n++) {
    expect(await limits.consume("posts", late, home)).toBeNull();
  }
  for (let n = 0; n < 3; n++) {
    expect((await limits.consume("posts", late, home))?.error.message).toMatch(
      /posts and edits from you just now/,
    );
  }
  const housemates = Array.from({ length: posts.perAddress / posts.perAccount }, (_, i) =>
    student(`Housemate ${i}`),
  );
  for (let n = 0; n < posts.perAddress - posts.perAccount; n++) {
    const housemate = housemates[Math.floor(n / posts.perAccount)] ?? late;
    expect(await limits.consume("posts", housemate, home)).toBeNull();
  }
  const last = housemates.at(-1) ?? late;
  expect((await limits.consume("posts", last, home))?.error.message).toMatch(
    /posts and edits from your network/,
  );
}
