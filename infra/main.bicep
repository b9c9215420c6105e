// The NLC Teams bot on Azure: one resource group holding the bot's identity, Cosmos DB,
// the App Service that runs the code, the Azure Bot registration with its Teams channel,
// and monitoring with alerts. docs/deploy.md gives the commands (Agents Toolkit or az).
//
// No secret appears anywhere: the bot signs in to the Bot Framework, Cosmos DB and
// Application Insights as a user-assigned managed identity (MicrosoftAppType=UserAssignedMSI,
// Cosmos data-plane RBAC, Entra-authenticated telemetry), and every key is switched off.
//
// Every parameter is checked where it is declared, so a bad value fails the deployment
// instead of reaching the bot, which would refuse it at start-up and restart in a loop.
// The checks the decorators cannot express (a GUID, a time, a name's characters) use
// fail() in the validX variables below, and the app settings read only those.

targetScope = 'resourceGroup'

@description('Base name for every resource; a short unique suffix is added where Azure needs a globally unique name. 3 to 20 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen (Cosmos DB account names allow nothing else).')
@minLength(3)
@maxLength(20)
param name string = 'nlc-bot'

@description('Azure region for everything except the Bot registration (which is global). Defaults to the resource group\'s region, e.g. uksouth.')
@minLength(1)
@maxLength(40)
param location string = resourceGroup().location

@description('Entra ID object ids (GUIDs) of the people who may organise (create events, broadcast, export), comma-separated; empty for none yet. Becomes ORGANISER_AAD_IDS. Find one with: az ad user show --id someone@example.org --query id -o tsv')
@maxLength(3700)
param organiserAadIds string = ''

@description('Entra tenant ids (GUIDs) whose Teams may use the bot, comma-separated. Becomes ALLOWED_TENANT_IDS; empty = the managed identity\'s own tenant (MicrosoftAppTenantId). Set it when the NLC\'s Microsoft 365 tenant is not the Azure subscription\'s.')
@maxLength(1000)
param allowedTenantIds string = ''

@description('The organiser tab\'s Entra app registration (its client id, a GUID): the audience of the tab\'s single sign-on tokens. Becomes TAB_APP_ID; empty = the tab answers no one in Teams. m365agents.yml registers it (aadApp/create); without the toolkit, docs/deploy.md gives the az commands.')
@maxLength(36)
param tabAppId string = ''

@description('App Service plan size. Basic (B1) is the smallest with Always On, which keeps reminders and broadcasts running.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('How many instances run the bot. The bot keeps no state in memory between requests, and leases in Cosmos DB make each scheduled job run on one instance at a time, so any number works; B1 allows up to 3.')
@minValue(1)
@maxValue(3)
param instanceCount int = 1

@description('App Service runtime. package.json engines lists the Node versions the code supports; Node 20 reached end of life in April 2026, so App Service runs 22 (LTS) by default and 24 is allowed.')
@allowed([
  'NODE|22-lts'
  'NODE|24-lts'
])
param nodeVersion string = 'NODE|22-lts'

@description('V8 old-generation heap limit for the bot, in MB (--max-old-space-size in the start command, not NODE_OPTIONS, which the Application Insights agent sets for itself). With it the bot stays near 200 MB RSS under load and through a 10,000-chat broadcast (docs/benchmarks.md, soak); raise it if the logs ever show the heap running out.')
@minValue(96)
@maxValue(2048)
param nodeHeapMb int = 128

@description('Cosmos DB capacity: serverless (pay per request, right for a county-wide bot\'s traffic) or provisioned autoscale throughput shared by the database.')
param cosmosServerless bool = true

@description('Provisioned mode only: the autoscale ceiling in RU/s for the whole database (it scales down to a tenth of this), in steps of 1000.')
@minValue(1000)
@maxValue(10000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Cosmos DB database name: letters, digits, - and _. Becomes COSMOS_DATABASE.')
@minLength(1)
@maxLength(64)
param cosmosDatabaseName string = 'nlc'

@description('Azure Bot pricing tier. F0 (free) covers Teams, a standard channel, with no message limit.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('The bot\'s name in the Azure portal (people see the Teams app\'s name, from manifest/manifest.json).')
@minLength(1)
@maxLength(42)
param botDisplayName string = 'NLC'

@description('Log level: fatal, error, warn, info, debug or trace. Becomes LOG_LEVEL.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
])
param logLevel string = 'info'

@description('Proactive requests per second for the whole app; Teams allows 50 per app per tenant. Becomes BROADCAST_MAX_RPS.')
@minValue(1)
@maxValue(50)
param broadcastMaxRps int = 50

@description('Broadcast sends in flight at once; also the most copies a crash can send twice. Becomes BROADCAST_CONCURRENCY.')
@minValue(1)
@maxValue(64)
param broadcastConcurrency int = 16

@description('London wall-clock time (HH:MM) reminders fall due on their day, from 07:00 to 18:59 (they never go at night). Becomes REMINDER_TIME.')
@minLength(5)
@maxLength(5)
param reminderTime string = '09:00'

@description('Days an event\'s records (answers, bookings), a broadcast and a closed call\'s contributions are kept after the event ended, the broadcast was sent or the call closed. Becomes RETENTION_DAYS and the Cosmos TTL.')
@minValue(30)
@maxValue(3650)
param retentionDays int = 365

@description('Install the app through Microsoft Graph for people who share no team or group chat with the bot, then message them. Needs teamsAppCatalogId and an admin\'s grant of TeamsAppInstallation.ReadWriteForUser.All to the managed identity (docs/deploy.md). Becomes GRAPH_INSTALL.')
param graphInstall bool = false

@description('The app\'s id in the organisation\'s Teams app catalogue (Graph: appCatalogs/teamsApps?$filter=externalId eq \'<manifest id>\'); empty unless graphInstall. Becomes TEAMS_APP_CATALOG_ID.')
@maxLength(36)
param teamsAppCatalogId string = ''

@description('Where alerts (5xx answers, restarts, failed broadcasts) are emailed; empty = alerts show in the Azure portal only.')
@maxLength(254)
param alertEmailAddress string = ''

// ---- Checks the decorators cannot make ------------------------------------------------

@description('An Entra object id: 8-4-4-4-12 hexadecimal digits.')
func isGuid(value string) bool => length(value) == 36 ? empty(filter(range(0, 36), i => !contains(contains([8, 13, 18, 23], i) ? '-' : '0123456789abcdef', substring(toLower(value), i, 1)))) : false

@description('HH:MM from 07:00 to 18:59, the times bot/config.ts accepts for REMINDER_TIME.')
func isReminderTime(value string) bool => length(value) == 5 ? contains(['07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18'], substring(value, 0, 2)) && substring(value, 2, 1) == ':' && contains('012345', substring(value, 3, 1)) && contains('0123456789', substring(value, 4, 1)) : false

@description('A lower-case resource name: starts with a letter, then letters, digits and hyphens, no hyphen last.')
func isLowerCaseName(value string) bool => length(value) > 0 ? contains('abcdefghijklmnopqrstuvwxyz', substring(value, 0, 1)) && !endsWith(value, '-') && empty(filter(range(0, length(value)), i => !contains('abcdefghijklmnopqrstuvwxyz0123456789-', substring(value, i, 1)))) : false

@description('Letters, digits, - and _ only, as bot/config.ts accepts for COSMOS_DATABASE.')
func isDatabaseName(value string) bool => empty(filter(range(0, length(value)), i => !contains('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_', substring(value, i, 1))))

var organiserIdList = map(filter(split(organiserAadIds, ','), id => !empty(trim(id))), id => toLower(trim(id)))
var badOrganiserIds = filter(organiserIdList, id => !isGuid(id))
var tenantIdList = map(filter(split(allowedTenantIds, ','), id => !empty(trim(id))), id => toLower(trim(id)))
var badTenantIds = filter(tenantIdList, id => !isGuid(id))

var validName = isLowerCaseName(name) ? name : fail('name: "${name}" must be lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen')
var validOrganiserIds = empty(badOrganiserIds) ? join(organiserIdList, ',') : fail('organiserAadIds: not Entra object ids (GUIDs): ${join(badOrganiserIds, ', ')}')
var validTenantIds = empty(badTenantIds) ? join(tenantIdList, ',') : fail('allowedTenantIds: not Entra tenant ids (GUIDs): ${join(badTenantIds, ', ')}')
var validReminderTime = isReminderTime(reminderTime) ? reminderTime : fail('reminderTime: "${reminderTime}" must be HH:MM from 07:00 to 18:59 (London time)')
var validDatabaseName = isDatabaseName(cosmosDatabaseName) ? cosmosDatabaseName : fail('cosmosDatabaseName: "${cosmosDatabaseName}" may hold letters, digits, - and _ only')
var validTabAppId = empty(tabAppId) || isGuid(tabAppId) ? toLower(tabAppId) : fail('tabAppId: "${tabAppId}" is not an app registration\'s client id (a GUID)')
var validTeamsAppCatalogId = (empty(teamsAppCatalogId) && !graphInstall) || isGuid(teamsAppCatalogId) ? toLower(teamsAppCatalogId) : fail('teamsAppCatalogId: "${teamsAppCatalogId}" must be the app\'s catalogue id (a GUID), and is required when graphInstall is true')
var validAlertEmail = empty(alertEmailAddress) || contains(alertEmailAddress, '@') ? alertEmailAddress : fail('alertEmailAddress: "${alertEmailAddress}" is not an email address')

// ---- Resources --------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id, validName)
var globalName = '${validName}-${suffix}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${validName}-identity'
  location: location
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: globalName
    location: location
    databaseName: validDatabaseName
    serverless: cosmosServerless
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    dataContributorPrincipalId: identity.properties.principalId
    retentionDays: retentionDays
  }
}

module web 'modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    name: validName
    siteName: globalName
    location: location
    sku: appServiceSku
    instanceCount: instanceCount
    nodeVersion: nodeVersion
    nodeHeapMb: nodeHeapMb
    identityId: identity.id
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: validName
    location: location
    siteName: web.outputs.siteName
    publisherPrincipalId: identity.properties.principalId
    alertEmailAddress: validAlertEmail
  }
}

// The one place the bot's public host comes from: App Service's own default host name
// (not a copy built from the site name). PUBLIC_URL, the Bot Framework messaging
// endpoint and the BOT_DOMAIN output (validDomains in the Teams manifest) all use it.
var botHost = web.outputs.defaultHostName

// Every setting the bot reads at start-up (bot/config.ts), plus what the platform needs.
// test/infra/infra.test.ts checks this list against the config schema. These replace
// every app setting on each deployment (modules/app-settings.bicep): add a setting here,
// never by hand in the portal.
var appSettings = {
  MicrosoftAppId: identity.properties.clientId
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppTenantId: identity.properties.tenantId
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_DATABASE: validDatabaseName
  ORGANISER_AAD_IDS: validOrganiserIds
  ALLOWED_TENANT_IDS: validTenantIds
  LOG_LEVEL: logLevel
  PUBLIC_URL: 'https://${botHost}'
  TAB_APP_ID: validTabAppId
  BROADCAST_MAX_RPS: string(broadcastMaxRps)
  BROADCAST_CONCURRENCY: string(broadcastConcurrency)
  REMINDER_TIME: validReminderTime
  RETENTION_DAYS: string(retentionDays)
  GRAPH_INSTALL: graphInstall ? 'true' : 'false'
  TEAMS_APP_CATALOG_ID: validTeamsAppCatalogId
  // DefaultAzureCredential (Cosmos DB) picks the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  // Application Insights keys are off: the agent signs in as the identity, which holds
  // Monitoring Metrics Publisher on the resource (modules/monitoring.bicep).
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
  // App Service's Node agent sends requests and dependencies to Application Insights.
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  // The uploaded zip is mounted read-only and swapped in one step: no half-copied deploy.
  WEBSITE_RUN_FROM_PACKAGE: '1'
  // The package is built before upload (npm run bundle), with its production modules.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

module settings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  params: {
    siteName: web.outputs.siteName
    appSettings: appSettings
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: globalName
    displayName: botDisplayName
    sku: botSku
    messagingEndpoint: 'https://${botHost}/api/messages'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: identity.properties.tenantId
  }
}

// Output names are upper-case so the Agents Toolkit's arm/deploy writes them into
// env/.env.<env> under the same names (it upper-cases every output name).

@description('The bot\'s app id (the managed identity\'s client id): BOT_ID in manifest/manifest.json.')
output BOT_ID string = identity.properties.clientId

@description('The Entra tenant the bot serves.')
output BOT_TENANT_ID string = identity.properties.tenantId

@description('The managed identity\'s service principal (object id): whom an admin grants TeamsAppInstallation.ReadWriteForUser.All for graphInstall (docs/deploy.md).')
output BOT_PRINCIPAL_ID string = identity.properties.principalId

@description('The host Teams sends messages to: validDomains in manifest/manifest.json (PUBLIC_URL is https:// and this).')
output BOT_DOMAIN string = botHost

@description('The App Service that runs the bot (az webapp deploy --name).')
output AZURE_APP_SERVICE_NAME string = web.outputs.siteName

@description('Its resource id.')
output AZURE_APP_SERVICE_RESOURCE_ID string = web.outputs.siteId

output AZURE_BOT_SERVICE_NAME string = bot.outputs.botServiceName
output COSMOS_ACCOUNT_NAME string = cosmos.outputs.accountName
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.workspaceName
