// The bot's app settings (its environment). This resource is the whole list: each
// deployment replaces every app setting with exactly these, so a setting added by hand
// in the portal disappears at the next deployment. Add settings in infra/main.bicep
// (a parameter, or a Key Vault reference for a secret), never by hand.

@description('The App Service to configure.')
param siteName string

@description('App settings, name to value (environment variables for the bot).')
param appSettings object

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: siteName
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}
