// The fictional organisation the demo data describes.

export const DEMO_TIME_ZONE = "Europe/Copenhagen";

export const DEMO_TEAMS = [
  { externalId: "billing", name: "Billing", agents: 9, queue: "billing" },
  { externalId: "tech-support", name: "Technical Support", agents: 12, queue: "support" },
  { externalId: "onboarding", name: "Onboarding", agents: 7, queue: "sales" },
  { externalId: "enterprise", name: "Enterprise Care", agents: 6, queue: "vip" },
  { externalId: "returns", name: "Returns & Refunds", agents: 8, queue: "billing" },
  { externalId: "social", name: "Social Care", agents: 6, queue: "support" },
] as const;

export const DEMO_QUEUES = [
  { externalId: "billing", name: "Billing line" },
  { externalId: "support", name: "Support line" },
  { externalId: "sales", name: "Sales line" },
  { externalId: "vip", name: "Priority line" },
] as const;

export const FIRST_NAMES = [
  "Aisha", "Ben", "Carla", "Dev", "Emma", "Felix", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Liam",
  "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wes", "Xenia",
  "Yusuf", "Zoe", "Anders", "Bea", "Chen", "Dina", "Eli", "Freja", "Gus", "Hanna", "Ivan", "Jade",
  "Kofi", "Lena", "Mads", "Nora", "Omar", "Pia", "Rami", "Sofia", "Theo", "Ulla", "Viktor", "Wanda",
];

export const LAST_NAMES = [
  "Andersen", "Brown", "Costa", "Dahl", "Evans", "Fischer", "Garcia", "Holm", "Ivanova", "Jensen",
  "Kaur", "Larsen", "Moreau", "Nielsen", "Okafor", "Petersen", "Quist", "Rossi", "Svensson", "Tanaka",
];

export const SUBJECTS: Record<string, string[]> = {
  billing: ["Charged twice this month", "Invoice shows wrong VAT", "Update card details", "Refund not received"],
  "tech-support": ["Cannot log in", "App crashes on start", "Sync stopped working", "Export fails with error 500"],
  onboarding: ["Help setting up my team", "Import from old system", "Training session request", "Trial questions"],
  enterprise: ["SSO configuration", "Contract renewal", "Data processing agreement", "Dedicated support request"],
  returns: ["Return label missing", "Item arrived damaged", "Exchange for another size", "Refund status"],
  social: ["Complaint on Twitter", "Question via Facebook", "Review follow-up", "Instagram DM about order"],
};

export const KB_ARTICLES = Array.from({ length: 60 }, (_, i) => `kb-${String(i + 1).padStart(3, "0")}`);
