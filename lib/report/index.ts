export * from "./chart-summaries";
export * from "./self-view";
export * from "./summary";
export * from "./trend";
export * from "./statistic-text";
export * from "./takeaways";
export * from "./debrief";
