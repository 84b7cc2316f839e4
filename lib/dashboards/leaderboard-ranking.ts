// Leaderboard ranking lives in lib/leaderboards/. This re-export only keeps the team page
// (app/(workspace)/teams/[team]/page.tsx) compiling until its import names lib/leaderboards; delete
// it then.
export { needsMinimumSample } from "@/lib/leaderboards/needs-minimum-sample";
export { rankLeaderboard } from "@/lib/leaderboards/rank-leaderboard";
