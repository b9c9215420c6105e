// The App Service that runs the bot: Linux, Node, HTTPS only, Always On, health-checked
// on /healthz, running as the bot's managed identity.

@description('Base name for the plan.')
param name string

@description('Globally unique site name (its host is <siteName>.azurewebsites.net).')
param siteName string

@description('Azure region.')
param location string

@description('App Service plan SKU (Basic or above, for Always On).')
param sku string

@description('Linux runtime, e.g. NODE|20-lts.')
param nodeVersion string

@description('Resource id of the user-assigned managed identity the bot runs as.')
param identityId string

@description('App settings, name to value (environment variables for the bot).')
param appSettings object

@description('Log Analytics workspace receiving the console (pino JSON), HTTP and platform logs.')
param logAnalyticsWorkspaceId string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references in app settings (if a secret is ever added) resolve as this identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: nodeVersion
      appCommandLine: 'node --disable-warning=DEP0111 dist/bot/index.js'
      // Without Always On the site sleeps when idle, and scheduled reminders stop.
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [for setting in items(appSettings): {
        name: setting.key
        value: setting.value
      }]
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output siteName string = site.name
output defaultHostName string = site.properties.defaultHostName
