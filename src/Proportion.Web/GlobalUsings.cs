// Permissions and the user's scope are asked on nearly every page.
global using Proportion.Core.Scoping;
