export * from "./aggregate";
export * from "./definitions";
export * from "./profile";
export * from "./situation";
export * from "./stats";
export * from "./suppression";
