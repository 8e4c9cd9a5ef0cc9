export * from "./aggregate";
export * from "./definitions";
export * from "./profile";
export * from "./retention";
export * from "./situation";
export * from "./stats";
export * from "./suppression";
