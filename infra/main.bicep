// The NLC Teams bot on Azure: one resource group holding the bot's identity, Cosmos DB,
// the App Service that runs the code, the Azure Bot registration with its Teams channel,
// and monitoring. README "Deploy to Azure" gives the commands.
//
// No secret appears anywhere: the bot signs in to the Bot Framework and to Cosmos DB as
// a user-assigned managed identity (MicrosoftAppType=UserAssignedMSI, Cosmos data-plane
// RBAC), and Cosmos account keys are switched off.

targetScope = 'resourceGroup'

@description('Base name for every resource; a short unique suffix is added where Azure needs a globally unique name. Lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param name string = 'nlc-bot'

@description('Azure region for everything except the Bot registration (which is global). Defaults to the resource group\'s region, e.g. uksouth.')
param location string = resourceGroup().location

@description('Entra ID object ids of the people who may organise (create events, broadcast, export). Becomes ORGANISER_AAD_IDS.')
param organiserAadIds array = []

@description('Entra tenant ids whose Teams may use the bot. Becomes ALLOWED_TENANT_IDS; empty = the managed identity\'s own tenant (MicrosoftAppTenantId). Set it when the NLC\'s Microsoft 365 tenant is not the Azure subscription\'s.')
param allowedTenantIds array = []

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

@description('App Service runtime. The code needs Node 20.19 or later; Node 20 reached end of life in April 2026, so use NODE|22-lts where the platform no longer offers 20.')
@allowed([
  'NODE|20-lts'
  'NODE|22-lts'
])
param nodeVersion string = 'NODE|20-lts'

@description('Cosmos DB capacity: serverless (pay per request, right for a county-wide bot\'s traffic) or provisioned autoscale throughput shared by the database.')
param cosmosServerless bool = true

@description('Provisioned mode only: the autoscale ceiling in RU/s for the whole database (it scales down to a tenth of this).')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Cosmos DB database name. Becomes COSMOS_DATABASE.')
param cosmosDatabaseName string = 'nlc'

@description('Azure Bot pricing tier. F0 (free) covers Teams, a standard channel, with no message limit.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('The bot\'s name in the Azure portal (people see the Teams app\'s name, set by npm run package).')
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

@description('London wall-clock time reminders fall due on their day, from 07:00 to 18:59 (they never go at night). Becomes REMINDER_TIME.')
param reminderTime string = '09:00'

@description('Days an event\'s records (answers, bookings), a broadcast and a closed call\'s contributions are kept after the event ended, the broadcast was sent or the call closed. Becomes RETENTION_DAYS and the Cosmos TTL.')
@minValue(30)
@maxValue(3650)
param retentionDays int = 365

@description('V8 old-generation heap limit for the bot, in MB (NODE_OPTIONS --max-old-space-size). With it the bot stays near 200 MB RSS under load and through a 10,000-chat broadcast (docs/benchmarks.md, soak); without it V8 collects lazily and a broadcast lifts RSS past 400 MB. Raise it if the logs ever show the heap running out.')
@minValue(96)
@maxValue(2048)
param nodeHeapMb int = 128

var suffix = uniqueString(resourceGroup().id, name)
var globalName = '${name}-${suffix}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: name
    location: location
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: globalName
    location: location
    databaseName: cosmosDatabaseName
    serverless: cosmosServerless
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    dataContributorPrincipalId: identity.properties.principalId
    retentionDays: retentionDays
  }
}

// Every setting the bot reads at start-up (bot/config.ts), plus what the platform needs.
// test/infra/infra.test.ts checks this list against the config schema.
// Calendar and export links in cards point at the bot's own https address.
var publicUrl = 'https://${globalName}.azurewebsites.net'

var appSettings = {
  MicrosoftAppId: identity.properties.clientId
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppTenantId: identity.properties.tenantId
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_DATABASE: cosmosDatabaseName
  ORGANISER_AAD_IDS: join(organiserAadIds, ',')
  ALLOWED_TENANT_IDS: join(allowedTenantIds, ',')
  LOG_LEVEL: logLevel
  PUBLIC_URL: publicUrl
  BROADCAST_MAX_RPS: string(broadcastMaxRps)
  BROADCAST_CONCURRENCY: string(broadcastConcurrency)
  REMINDER_TIME: reminderTime
  RETENTION_DAYS: string(retentionDays)
  // Read by Node itself, not by bot/config.ts: see the nodeHeapMb parameter.
  NODE_OPTIONS: '--max-old-space-size=${nodeHeapMb}'
  // DefaultAzureCredential (Cosmos DB) picks the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  // App Service's Node agent sends requests and dependencies to Application Insights.
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  // The package is built before upload (npm run bundle), with its production modules.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

module web 'modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    name: name
    siteName: globalName
    location: location
    sku: appServiceSku
    nodeVersion: nodeVersion
    identityId: identity.id
    appSettings: appSettings
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: globalName
    displayName: botDisplayName
    sku: botSku
    messagingEndpoint: 'https://${web.outputs.defaultHostName}/api/messages'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: identity.properties.tenantId
  }
}

@description('MicrosoftAppId for npm run package: the managed identity\'s client id.')
output botAppId string = identity.properties.clientId

@description('BOT_DOMAIN for npm run package: the host Teams sends messages to.')
output botDomain string = web.outputs.defaultHostName

@description('The App Service to deploy build/bot.zip to.')
output webAppName string = web.outputs.siteName

output botServiceName string = bot.outputs.botServiceName
output cosmosAccountName string = cosmos.outputs.accountName
output cosmosEndpoint string = cosmos.outputs.endpoint
