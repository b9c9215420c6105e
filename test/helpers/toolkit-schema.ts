import { z } from 'zod/v4';

/**
 * The Microsoft 365 Agents Toolkit's project file (m365agents.yml) for the actions this
 * project uses, transcribed from the toolkit's own schema v1.11
 * (packages/fx-core/resource/yaml-schema/v1.11/yaml.schema.json in
 * OfficeDev/microsoft-365-agents-toolkit): each action's required and allowed `with`
 * keys and its writeToEnvironmentFile keys. The schema is not on the npm registry apart
 * from inside the toolkit's CLI, which cannot be installed here (a native module), so
 * this is the structural check in its place. Strict objects: an unknown key fails, as
 * the schema's additionalProperties: false does.
 */
const envVarName = z.string().regex(/^[A-Z][A-Z0-9_]*$/);
const secretEnvVarName = z.string().regex(/^SECRET_[A-Z0-9_]+$/);
const common = { name: z.string().optional(), env: z.record(z.string(), z.string()).optional() };
const action = <U extends string, W extends z.ZodRawShape>(uses: U, withShape: W, write?: z.ZodRawShape) =>
  z.strictObject({ ...common, uses: z.literal(uses), with: z.strictObject(withShape), ...(write ? { writeToEnvironmentFile: z.strictObject(write) } : {}) });

const manifestPath = { manifestPath: z.string() };
const appPackagePath = { appPackagePath: z.string() };

const actions = [
  action('teamsApp/create', { name: z.string() }, { teamsAppId: envVarName }),
  action('teamsApp/validateManifest', manifestPath),
  action('teamsApp/zipAppPackage', { ...manifestPath, outputZipPath: z.string(), outputFolder: z.string() }),
  action('teamsApp/validateAppPackage', appPackagePath),
  action('teamsApp/update', appPackagePath),
  action('teamsApp/publishAppPackage', appPackagePath, { publishedAppId: envVarName }),
  action('arm/deploy', {
    subscriptionId: z.string(),
    resourceGroupName: z.string(),
    bicepCliVersion: z.string().optional(),
    templates: z.array(z.strictObject({ deploymentName: z.string(), path: z.string(), parameters: z.string().optional() })),
  }),
  action('cli/runNpmCommand', { args: z.string(), workingDirectory: z.string().optional() }),
  action('script', { run: z.string(), workingDirectory: z.string().optional(), shell: z.string().optional(), timeout: z.number().optional(), redirectTo: z.string().optional() }),
  action(
    'aadApp/create',
    { name: z.string(), generateClientSecret: z.boolean(), generateServicePrincipal: z.boolean().optional(), signInAudience: z.enum(['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount']) },
    // The schema lists these outputs without requiring any; a registration without a secret writes none.
    { clientId: envVarName, objectId: envVarName, clientSecret: secretEnvVarName.optional() },
  ),
  action('aadApp/update', { manifestPath: z.string(), outputFilePath: z.string() }),
  action('botFramework/create', {
    botId: z.string(),
    name: z.string(),
    messagingEndpoint: z.string(),
    description: z.string().optional(),
    iconUrl: z.string().optional(),
    channels: z.array(z.strictObject({ name: z.enum(['msteams', 'm365extensions']) })).optional(),
  }),
  action('file/createOrUpdateEnvironmentFile', { target: z.string(), envs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])) }),
] as const;

export const toolkitStep = z.union(actions);
export type ToolkitStep = z.infer<typeof toolkitStep>;

export const toolkitProject = z.strictObject({
  version: z.literal('v1.11'),
  environmentFolderPath: z.string().optional(),
  provision: z.array(toolkitStep).optional(),
  deploy: z.array(toolkitStep).optional(),
  publish: z.array(toolkitStep).optional(),
});
export type ToolkitProject = z.infer<typeof toolkitProject>;
